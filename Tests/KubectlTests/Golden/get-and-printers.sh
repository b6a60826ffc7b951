kubectl apply -f nginx-deployment.yaml
kubectl apply -f nginx-deployment.yaml
kubectl get deploy nginx-deployment -o wide
kubectl get rs -o wide
kubectl get pods -o wide
kubectl get pods --show-labels
kubectl get pods -l app=nginx -L app
kubectl get pods -l app=nope
kubectl get pods -A --no-headers
kubectl get deploy nginx-deployment -o name
kubectl get pods -o jsonpath='{.items[*].metadata.name}'
kubectl get deploy nginx-deployment -o go-template='{{.spec.replicas}}{{"\n"}}'
kubectl get deploy nginx-deployment -o yaml
kubectl get nodes
kubectl get nodes -o wide
kubectl get ns
kubectl get foo
kubectl get pod nope
kubectl get
kubectl get pods --bogus
kubectl get deploy/nginx-deployment pod
