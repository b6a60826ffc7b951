kubectl apply -f nginx-deployment.yaml
