# Section 2.6: a new image rolls out from the highest ordinal down, each pod Running and Ready before the next.
kubectl apply -f stateful-demo.yaml
sleep 60
sed -i 's#ikubernetes/myapp:v1#nginx:1.18.0#' stateful-demo.yaml
kubectl get pod -w &
kubectl apply -f stateful-demo.yaml
sleep 60
kill %1
kubectl rollout status sts/myapp
kubectl rollout history sts/myapp
kubectl rollout history statefulset myapp --revision=2
kubectl get controllerrevisions
kubectl get pods -o custom-columns=NAME:.metadata.name,IMAGE:.spec.containers[0].image,REVISION:.metadata.labels.controller-revision-hash
kubectl rollout undo sts/myapp
kubectl rollout status sts/myapp
kubectl rollout history sts/myapp
kubectl patch sts myapp -p '{"spec":{"updateStrategy":{"rollingUpdate":{"partition":2}}}}'
kubectl set image sts/myapp myapp=ikubernetes/myapp:v2
kubectl rollout status sts/myapp
kubectl get pods -o custom-columns=NAME:.metadata.name,IMAGE:.spec.containers[0].image
kubectl rollout pause sts/myapp
kubectl scale sts myapp --replicas=1
kubectl get pods -w
kubectl get pvc
