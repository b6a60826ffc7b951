# Reference solution of the StatefulSet lab: what a learner types, step by step.

# 1. Start the busybox pod and resolve kubernetes (DNS add-on recap).
kubectl apply -f dns-test.yaml
sleep 10
kubectl get pod dns-test
kubectl exec dns-test -- nslookup kubernetes

# 2. Create the headless Service and the StatefulSet, wait for the three pods.
cat stateful-demo.yaml
kubectl apply -f stateful-demo.yaml
kubectl rollout status sts/myapp

# 3. Inspect what they made, and answer the question.
kubectl get svc
kubectl get sts
kubectl get pvc
kubectl get pv
kubectl get pods
lab answer inspect myappdata-myapp-2

# 4. Why the two companions.
lab answer why 1

# 5. Delete the StatefulSet while watching, then create it again.
kubectl get pod -w &
kubectl delete statefulset myapp
sleep 30
kubectl apply -f stateful-demo.yaml
sleep 30
kill %1
kubectl get pvc

# 6. Write into myapp-1's volume, replace the pod, read the file again.
kubectl exec myapp-1 -- sh -c 'echo "hello from myapp-1" > /usr/share/nginx/html/index.html'
kubectl delete pod myapp-1
kubectl get pods
kubectl exec myapp-1 -- cat /usr/share/nginx/html/index.html

# 7. Roll out nginx:1.18.0 and watch 2, 1, 0 being replaced.
sed -i 's#ikubernetes/myapp:v1#nginx:1.18.0#' stateful-demo.yaml
kubectl get pod -w &
kubectl apply -f stateful-demo.yaml
kubectl rollout status sts/myapp
kill %1
kubectl rollout history sts/myapp

# 8. Resolve the headless Service and one pod's name.
kubectl exec dns-test -- nslookup myapp-svc
kubectl exec dns-test -- nslookup myapp-0.myapp-svc.default.svc.cluster.local
